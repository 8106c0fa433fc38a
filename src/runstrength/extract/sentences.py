"""Sentence roles: coaching cue (how), purpose (why), or neither (dosage only).

Rules read word lists from data/sentences.yaml. A sentence whose only content
is a prescription ("Do 3 x 12.") is neither: its numbers go to the
dosage table instead.
"""
from __future__ import annotations

import re
from functools import lru_cache

from runstrength.extract.lexicon import read_yaml
from runstrength.extract.text import DATA_DIR

_WORD_RE = re.compile(r"[a-z][a-z'\-]*")

# Words that carry no instruction once the numbers of a prescription are removed.
_DOSAGE_FILLER = frozenset("""
repeat repeats repeated perform performing performed do does doing done complete completing hold holding holds for of and then
the a an this it these each per set sets rep reps repetition repetitions times time x total round rounds start
starting begin beginning build building up to your way work working aim at from there least minimum maximum about
approximately around try again with on in both leg legs arm arms way once twice a day week
daily rest between minute minutes second seconds sec secs min mins until you achieve achieved reach it's its is
be can should progress progressing into or easier easy becomes become feel feels out more plus than
extra additional another
steps strides left right movement movements
weeks months days as two three four five six eight ten twelve
finish finishing metres meters yards m
goal goals maintain maintaining
""".split())
# "with each foot in front", "on either side", "alternating sides": which side a count is for; "over the next two
# weeks", "add one rep each week", "as your knee allows": how fast to build it; "keep going for 30 seconds",
# "walking back to recover": carrying on, resting between bouts. No instruction in any.
_SIDE_PHRASE_RE = re.compile(r"\b(?:each|either|every|the other|per) (?:foot|leg|side|arm|hand)(?: (?:in front|forward|leading|first))?\b"
                             r"|\balternat(?:e|ing) (?:sides|legs|arms|feet|hands)\b"
                             r"|\b(?:over|across|within) (?:the )?(?:next |first |coming )?(?:[\w-]+ )?(?:to [\w-]+ )?(?:weeks?|months?|days?)\b"
                             r"|\badd(?:ing)? (?:one|a|an|another|two|three|\d+) (?:more |extra )?(?:reps?|repetitions?|sets?|seconds?|rounds?)\b"
                             r"|\b(?:each|every|per|a) (?:week|session|workout|morning|evening|night)\b|\b(?:as )?(?:your|the) [\w-]+ (?:allows?|permits?)\b|\bas tolerated\b"
                             # "... before moving on to the next one": the order of the routine, nothing on how
                             r"|\bbefore (?:moving|going) on(?: to(?: the next)? [\w-]+)?\b"
                             r"|\bkeep going\b|\b(?:walk|walking|jog|jogging) back (?:to|for|as) recover(?:y)?\b"
                             # "Start with ten repetitions and increase as your fitness improves": the dose grows, no how
                             r"|\b(?:gradually |slowly )?increase(?: (?:it|this|them|the number|the reps|the repetitions))?(?: gradually)?"
                             r"(?: (?:as|when) (?:your |the )?[\w-]+ (?:improves?|allows?|gets? (?:easier|better|stronger))| over time)?\b"
                             # "That's one round; ...": a count of the bouts done
                             r"|\b(?:that|this)(?:'s|’s| is) (?:one|a|your first) (?:set|round|rep|circuit)\b"
                             r"|\btempo:? \d(?:-\d|x){2,3}\b|\b(?:rpe|rir) ?\d+(?:-\d+)?\b"  # "tempo 3-1-1, RPE 7": the load's notation
                             # "8 reps x heavy weight", "3 sets each // light weights": how heavy, said in words
                             r"|\b(?:light|medium|moderate|heavy)(?:[-/](?:light|medium|moderate|heavy))? (?:weights?|loads?)\b")
# "If that is too hard, start with 10-second holds": an easier or harder way to do it, a cue even with a count.
_EASIER_HARDER_RE = re.compile(r"\btoo (?:hard|easy|difficult|challenging|tough|much)\b|\bto make (?:it|this|them|that) (?:easier|harder)\b")
# The thing counted right after a count ("Start with 10 drops", "build to 40 touches"): part of the prescription.
_COUNTED_RE = re.compile(r"\s*[a-z]+s\b")
_LEADING = frozenset("then now next finally first again also and so slowly gently carefully".split())
# The most leading words skipped before the verb: "Then slowly lower", "Then slowly and gently bend ...".
_MAX_LEADING = 4
_STOP = frozenset("""
i me my we our you your he she they them their it its this that these those a an the and or but if then so to of in on
at by for with from as is are was were be been being have has had do does did not no nor can could will would should
may might must just very really also too here there when while once all any each both some such than up down out over
off into onto about again further only own same other
""".split())


_REGEX_LISTS = frozenset({"aside_patterns", "purpose_leads", "avoid_leads"})
_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")  # never a quantifier: those are digits ("{1,30}")


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    return read_yaml(DATA_DIR / "sentences.yaml")


def alternation(key: str) -> str:
    """The word list `key` of data/sentences.yaml as a regex alternation, in the file's order."""
    return "|".join(_data()[key])


@lru_cache(maxsize=1)
def vocab() -> dict[str, frozenset[str] | tuple[str, ...]]:
    raw = _data()
    out: dict = {}
    for key, words in raw.items():
        # Patterns keep their case: lower-casing would turn "\\W" into "\\w" (the text they read is lower case anyway).
        keep = key in _REGEX_LISTS
        if keep:
            words = [_PLACEHOLDER_RE.sub(lambda m: alternation(m.group(1)), w) for w in words]
        out[key] = tuple(sorted({w if keep else w.lower() for w in words}, key=len, reverse=True))
        out[key + "_set"] = frozenset(w if keep else w.lower() for w in words)
    return out


@lru_cache(maxsize=None)
def _phrase_rx(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation per word list, longest first, on word boundaries: a list is searched in one pass."""
    alts = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])")


def _has_phrase(lower: str, phrases: tuple[str, ...]) -> bool:
    return _phrase_rx(phrases).search(lower) is not None


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


# Counts no dose parser reads but that still only say how much: a handout's blank to fill in ("Repeat __ times"),
# a vague number ("several times", "a few more reps"), a distance ("for about 20 metres").
_VAGUE_COUNT_RE = re.compile(r"_{2,}|\b(?:several|a few|a couple(?: of)?|multiple|many)(?: more)? (?:times|reps|repetitions|sets|rounds)\b"
                             r"|\b\d+ ?(?:metres|meters|yards)\b")
_VAGUE_HINT = ("_", "sever", "few", "couple", "multiple", "many", "metre", "meter", "yard")
# "Repeat.", "Then repeat again.": the whole sentence says to do it again, nothing about how.
_BARE_REPEAT = frozenset({"repeat", "and", "then", "again", "now"})


def dose_line_word(word: str) -> bool:
    """A word is_dosage_only passes over beside a count (lower case): filler of a prescription or a stop word."""
    return word in _DOSAGE_FILLER or word in _STOP


def is_dosage_only(text: str, dosage_spans: list[tuple[int, int]], rest: bool = False) -> bool:
    """True when nothing but a prescription is left after removing the dosage mentions."""
    lower = text.lower()
    if any(h in lower for h in _VAGUE_HINT):
        dosage_spans = list(dosage_spans) + [m.span() for m in _VAGUE_COUNT_RE.finditer(lower)]
    if not dosage_spans and not rest:
        bare = words_of(lower)
        return "repeat" in bare and set(bare) <= _BARE_REPEAT
    chars = list(text)
    for s, e in dosage_spans:
        if e < len(text) and text[e - 1:e].isdigit():
            m = _COUNTED_RE.match(text, e)
            e = m.end() if m else e
        for i in range(max(0, s), min(len(chars), e)):
            chars[i] = " "
    left = [w for w in words_of(_SIDE_PHRASE_RE.sub(" ", "".join(chars).lower()))
            if not dose_line_word(w) and not w.isdigit()]
    if not (len(left) <= 3 if rest else len(left) < 2):
        return False
    if ("too " in lower or "make" in lower) and _EASIER_HARDER_RE.search(lower):
        return False
    return not ("easy" in lower or "comfortable" in lower) or not _harder_next(lower, dosage_spans)


# "...; once that feels easy, hold a dumbbell in each hand": after the dose, how to make the move harder.
_ONCE_EASY_RE = re.compile(r"\b(?:" + alternation("readiness_conjunctions") + r") (?:that|this|it|these|they|those)(?:'s|’s| (?:feels?|gets?|becomes?|is|are))? "
                           r"(?:too |really |very |fairly )?(?:easy|comfortable),? (?:then )?([a-z]+)\b")
# Verbs after such a clause that give the next dose ("once that is easy, do 3 x 12", "..., add two reps": a masked
# increment leaves no dose span behind).
_NEXT_DOSE_VERBS = frozenset({"do", "aim", "try", "repeat", "perform", "complete", "build", "work", "go", "progress",
                              "move", "add", "increase"})


def _harder_next(lower: str, dosage_spans: list[tuple[int, int]]) -> bool:
    """An instruction to make the move harder follows the dose, with no count of its own: a heavier load or a
    harder position, not the next dose ("once that is easy, hold 45 seconds" has its count)."""
    verbs = vocab()["imperative_verbs_set"]
    return any(m.group(1) in verbs and m.group(1) not in _NEXT_DOSE_VERBS and not any(s >= m.start(1) for s, _ in dosage_spans)
               for m in _ONCE_EASY_RE.finditer(lower))


# Where "come" sends the body when it opens an instruction.
_COME_PARTICLES = frozenset({"into", "onto", "up", "down", "back", "forward", "forwards", "out", "off", "through", "to", "over"})


# Who does the move, named as a coach's or teacher's notes name them ("Athletes stand ...", "The patient lies ..."),
# then helper words before the verb ("should", "then", "try to").
_PERFORMERS = frozenset({"athlete", "athletes", "runner", "runners", "participant", "participants", "patient", "patients",
                         "client", "clients", "student", "students", "kids", "children", "child", "player", "players"})
_PERFORMER_HELPERS = frozenset({"should", "will", "must", "can", "then", "now", "slowly", "try", "to", "and", "each"})
# Verbs of the imperative lexicon that say what happens to the performer, not what they do ("Runners get stiff").
_NOT_PERFORMED = frozenset({"get", "gets", "feel", "feels", "find", "finds", "make", "makes", "let", "lets"})


def performer_instruction(lower_words: list[str]) -> bool:
    """An instruction told of who does it, not to the reader: "Players hop sideways over the cone", "The
    runner lies on her back and lifts her hips". The verb after the performer is one the imperative lexicon
    has, in its third-person form or after a helper ("Players should hold ...")."""
    i = 1 if lower_words[:1] == ["the"] else 0
    if i >= len(lower_words) or lower_words[i] not in _PERFORMERS:
        return False
    i += 1
    while i < len(lower_words) and lower_words[i] in _PERFORMER_HELPERS:
        i += 1
    if i >= len(lower_words):
        return False
    verb, verbs = lower_words[i], vocab()["imperative_verbs_set"]
    if verb in _NOT_PERFORMED:
        return False
    return verb in verbs or verb.endswith("s") and (verb[:-1] in verbs or verb.endswith("ies") and verb[:-3] + "y" in verbs
                                                   or verb.endswith("es") and verb[:-2] in verbs)


def starts_imperative(lower_words: list[str]) -> bool:
    v = vocab()
    verbs = v["imperative_verbs_set"]
    if not lower_words:
        return False
    # Skip leading sequencing words and adverbs: "Then slowly return ...", "Next, gently lower ...".
    i = 0
    while i < min(_MAX_LEADING, len(lower_words) - 1) and (lower_words[i] in _LEADING or lower_words[i].endswith("ly")):
        i += 1
    lower_words = lower_words[i:]
    first = lower_words[0]
    if first in verbs:
        return True
    if first in ("do", "don't", "dont", "never", "try", "be", "make", "please", "always", "remember"):
        return True
    # "Come up onto your toes", "Come back to standing": a physio's way to say where to move; not "Then come A-skips",
    # which names what is next
    return first == "come" and len(lower_words) > 1 and lower_words[1] in _COME_PARTICLES


# A spaced dash breaks clauses too: "Same again, but slower – imagine sitting into it."
_COLON_SPLIT_RE = re.compile(r"[:;]|\s[-–—]\s")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s[-–—]\s")


# "As you get stronger, increase the hold": a change of load said after a clause. Not instruction verbs on their
# own: a list of aims opens with them as often ("increase strength", "decrease injury risk").
_LOAD_CHANGE_VERBS = frozenset({"increase", "decrease"})


def _clause_imperative(text: str, *, after_colon_only: bool = False) -> bool:
    """An instruction after an opening clause: "Lying on your side, lift ...", "... like the deadbug: take ..."."""
    verbs = vocab()["imperative_verbs_set"]
    parts = (_COLON_SPLIT_RE if after_colon_only else _CLAUSE_SPLIT_RE).split(text.lower())
    for part in parts[1:3]:
        w = words_of(part)
        if len(w) > 1 and (w[0] == "just" or w[0] in _LEADING or w[0].endswith("ly")):
            w = w[1:]  # "...; just hold it there", "..., then slowly lower"
        if w and (w[0] in verbs or w[0] in _LOAD_CHANGE_VERBS or w[:2] == ["challenge", "yourself"]) \
                and w[0] not in ("lying", "standing"):
            return True
        if after_colon_only and w and w[0] in vocab()["instruction_openers_set"] and _clause_imperative(part):
            return True  # "Tempo: to keep it smooth, pause at the top": the text after a label opens with its own clause
    return False


# "It is a small movement, so go slowly": what follows "so" tells the reader what to do, whatever the opening
# clause said ("so do lunges" compares: no instruction).
# A warning there is one too: "It is a small movement, so don't lean to make it bigger".
_SO_THEN_RE = re.compile(r",\s+so\s+(?:\w+ly\s+)?(don['’]t|do not|never|[a-z]+)\b")


def _so_imperative(lower: str) -> bool:
    if ", so " not in lower:
        return False
    verbs = vocab()["imperative_verbs_set"]
    return any(m.group(1) in verbs and m.group(1) != "do" or m.group(1) in _SO_DONT and not _KEEP_DOING_RE.match(lower, m.start(1))
               for m in _SO_THEN_RE.finditer(lower))


_SO_DONT = frozenset({"don't", "don’t", "do not", "never"})


_SHOULD_FEEL_RE = re.compile(r"\bshould (?:feel|have an? (?:feeling|sense) of)\b")
# "Each move should feel tough by the end": how the whole session should feel, a note on the load, not a cue of one move
_EVERY_MOVE_SUBJECT_RE = re.compile(r"^\W*(?:every|each|all(?: of)?(?: the| these)?|these|the) (?:exercises?|moves?|sets?|workouts?|sessions?|reps?)\b")
_BENEFIT_RE = re.compile(r"\b(run\w*|injur\w*|performance|stride|gait|strength|power|stabili\w*|mobility|training|athlete\w*|muscle\w*|joint\w*|tendon\w*|"
                         r"cardio\w*|conditioning|fitness)\b")
_BODY_RE = re.compile(r"\b(knees?|hips?|feet|foot|heels?|toes?|arms?|legs?|hands?|elbows?|shoulders?|back|spine|chest|core|pelvis|"
                      r"weights?|bands?|floor|ground|steps?|stairs|box|boxes|bench(?:es)?|kettlebells?|dumbbells?|bars?)\b")
# "Finish with this running drill.": which exercise comes next, said without telling how to do it.
# "The first one we teach everybody is ...": a short clause on who gives it may stand before the "is".
_NAMING_RE = re.compile(r"\b(is|are) called\b|^(the )?(next|first|last|final|second|third) (exercises?|moves?|ones?)"
                        r"(?: (?:i|we|you|they|she|he)\b[\w' ]{0,30}?)?( is| are| we)\b"
                        # "Three handy hip exercises are the clamshell and the side plank.": the moves the list holds,
                        # named; not when it goes on to say what they do (", which ...", "... to build ...")
                        r"|^(?:two|three|four|five|six|\d+)(?: [\w-]+){0,3} (?:exercises|moves|stretches|drills) (?:are|include)\b"
                        r"(?![^,;:]*\b(?:to|for|which|that|because)\b)[^,;:]*$"
                        # "Here are four good moves to add to your week.": the list announced, where it goes in the plan;
                        # not what it does ("Here are four moves to strengthen your hips" keeps its goal)
                        r"|^\W*(?:below|here|above|listed below)(?: are|['’]re)(?: [\w-]+){0,4} (?:exercises|moves|stretches|drills)"
                        r"(?: (?:below|here))?(?: (?:to|you can|that you can) (?:incorporate|add|include|try|do|fit|slot)"
                        r"(?: (?:into|in|to|on))?(?: (?:your|a|the|any))?(?: [\w-]+){0,2})?\W*$"
                        r"|^\W*(?:and )?(?:finish|end|start|begin|close|round off|wrap up)(?: off| up)? with (?:this|these|a|an|the|one|our)"
                        r"(?: [\w-]+){0,3} (?:drills?|exercises?|moves?|stretch(?:es)?|ones?|finishers?|movements?)\W*$")
_MODIFY_RE = re.compile(
    # "It's fine to kick off the floor at first": what the reader may do to make it easier.
    # "From this position, you can also ...": a short lead on where the variant starts from may come first.
    r"^(?:from (?:the same|this|that|here|there)(?: [\w-]+)?, )?(it(?:'s|’s| is) (?:ok|okay|fine|alright|all right|acceptable) to|you can|you could|you may|to (make|progress|regress|modify)|to (?:enhance|increase|add to|raise|up) the (?:challenge|difficulty|intensity|load)|(if|when|once) (it|this|that|you|the (exercise|movement|move|stretch|drill))\b.*\b(easy|hard|difficult|"
    r"challenging|too)\b|(?:if|when|once) you (?:\w+ )?(?:wish|want|like|choose|need) to (?:challenge yourself|make (?:it|this) harder)|alternatively|as an alternative|for (beginners|a (harder|easier|more))|(progress|regress) this)\b", re.I)
# A prop or a hold one may use or leave out ("The band is optional here", "Fingertips on a counter are fine for
# balance"): how to make the exercise easier or fit the kit at hand (GOLD_SPEC), not what it trains ("Hopping is
# useful for balance" keeps its purpose: the subject must be the aid).
_AID_RE = re.compile(r"\b(?:is|are) optional\b"
                     # "A towel, a belt or a band all work fine for this stretch": props to choose from
                     r"|\b(?:all|both|either|any of (?:these|them|those)) (?:will |would |can )?(?:work|do)(?: equally| just as)? "
                     r"(?:well|fine|nicely)(?: here| (?:for|with|in) (?:this|that|it|the \w+)\b(?: \w+)?)?\W*$|^\W*(?:[\w'’-]+ ){0,5}?(?:hands?|fingers?|fingertips?|wall|chair|counter|"
                     r"worktop|rail|railing|pole|doorframe|support)\b[^.;]*?\b(?:is|are|can be) (?:\w+ )?"
                     r"(?:helpful|useful|fine|ok|okay|allowed) (?:for|to help with) (?:balance|support|stability)\b"
                     # "Holding a chair will help with balance": a hold the reader may use, said as what it helps with
                     r"|^\W*(?:placing|holding|putting|resting|using|touching|keeping) [^.;]{1,60}?\b(?:will|can|may|should|does|might) "
                     r"(?:really )?help (?:you )?(?:with )?(?:your )?(?:balanc\w*|support|stability|steady)\b")
# "Out and back in counts as one rep": where one repetition starts and ends, i.e. how far the movement goes.
_ONE_REP_RE = re.compile(r"\b(?:counts? as|is|are|equals?|makes?) (?:one|1|a single|a full|one full) (?:rep|repetition)\b")
_DESCRIBES_RE = re.compile(r"^(this|these|the|that)( \w+)? (exercise|exercises|move|moves|movement|stretch|drill|one)\b", re.I)
# "The easiest version is kneeling on a mat, ...": the exercise said as the position it is done in.
_SETUP_RE = re.compile(r"(?:\b(?:is|are)|['’]s) (best )?(done|performed|started|completed) (on|in|with|from|while|lying|standing|facing|barefoot)\b"
                       r"|\b(?:is|are) (?:lying|kneeling|sitting|standing) (?:on|in|against) (?:your|the|a|one)\b")
# "This can also be done with a towel", "If balance is hard, the move can be done holding a chair": another way to do it.
_ALT_WAY_RE = re.compile(r"\b(?:can|could|may) (?:also |even |instead )?be (?:done|performed|practi[sc]ed|completed) "
                         r"(?:using|with|on|in|against|by|while|holding|from|lying|standing|seated|sitting)\b")
# "This drill has you hopping ...", "The next move sees you ...": the exercise described by what the reader does in it.
_HAS_YOU_RE = re.compile(r"^\W*(?:this|the|that)(?: [\w-]+)? (?:exercise|move|movement|drill|stretch|one|variation) "
                         r"(?:sees|has|gets|asks|wants|needs) you (?:to )?([a-z]+)\b")
# "The easiest way to fit it in is to ...": how to do it, said as the best way.
# Not "The best way to avoid shin pain is to ...": what it prevents is the reason for the exercise.
_BEST_WAY_RE = re.compile(r"^\W*(?:the )?(?:best|easiest|simplest|safest|quickest) way to\b(?! (?:avoid|prevent)\b)[^.;]{0,80}?\b(?:is|was) (?:to|by)\b")
# "The key is to land softly to spare your shins", "The trick here is to land quietly": the one thing to
# do right, however the sentence ends (a "to prevent ..." there names what the form avoids, not why the exercise is done).
_KEY_IS_RE = re.compile(r"^\W*(?:and |but )?(?:the )?(?:key|trick|secret|main thing|important thing)(?: here| point)? is (?:to|that you)\b")
# "throughout the exercise", "starting the exercise from ...": the exercise as a time or as what is done, not the
# subject of a reason; the purpose markers "this exercise", "the movement" are not read there.
# "To make the exercise harder, ...": the exercise as what is changed, a modification.
_EXERCISE_AS_OBJECT_RE = re.compile(r"\b(?:during|throughout|through|for the (?:rest|duration) of|mak(?:e|es|ing)|(?:start|begin|finish|end|repeat|perform|do)(?:s|ing)?) "
                                    r"(?:this|the) (?:exercise|movement|move|stretch|drill)\b")


def _first_pos(lower: str, phrases: tuple[str, ...]) -> int:
    m = _phrase_rx(phrases).search(lower)
    return m.start() if m else -1


# What an effect verb acts on: a determiner ("works the glutes") or a bare load word ("eases tension").
_EFFECT_OBJECT = (r"(?:your|you|the|a|an|both|all|each|every|those|these|this|that|it|them|single|one|more"
                  r"|tension|pain|strain|stress|stiffness|tightness|pressure)\b")
# "lets you load ...", "allows you to work ...": the exercise gives the reader the effect.
# "Step-ups let you load ..." too: a plural name is the subject as often as "it".
_LETS_YOU = r"(?:(?:lets?|allows?|helps?|enables?) you (?:to )?)"


# "Finally, step-ups train ...", "Next, this one loads ...": a sequencing word may stand before the subject of a
# statement, as it does before an instruction.
_SEQUENCE_LEAD = r"(?:(?:finally|next|then|lastly|also|and|first|second|third)\W+)?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    """(purpose lead, (opening aside, aside anywhere), subject + effect verb, gerund subject + effect verb) patterns,
    built from the word lists once."""
    v = vocab()
    lead = re.compile(r"^\W*(?:" + "|".join(v["purpose_leads"]) + ")")
    # The asides that open a sentence are matched at its start only: inside one search they would be tried at
    # every character.
    opening = [p for p in v["aside_patterns"] if p.startswith("^")]
    anywhere = [p for p in v["aside_patterns"] if not p.startswith("^")]
    aside = (re.compile("|".join(f"(?:{p})" for p in opening)), re.compile("|".join(f"(?:{p})" for p in anywhere)))
    verbs = "|".join(re.escape(x) for x in v["effect_verbs"])
    # A short subject (one to five words, no comma), an effect verb, then what it acts on.
    # "This loosens and warms the hip": a second verb after "and" shares the object (third person, so "-s").
    effect = re.compile(rf"^\W*{_SEQUENCE_LEAD}(?P<subj>[\w'’()-]+(?: [\w'’()-]+){{0,4}}?)\s+(?:really |also |mainly |directly |all )?"
                        rf"{_LETS_YOU}?(?:{verbs})(?: and [a-z]+s)?\s+{_EFFECT_OBJECT}")
    # A longer gerund subject ("Bridging with the foot further away shifts the work ..."): the verb agrees with
    # the gerund (third person), or lets the reader do it; a plain verb after an "-ing" opener is an instruction.
    verbs_s = "|".join(re.escape(x) for x in v["effect_verbs"] if x.split()[0].endswith("s"))
    gerund = re.compile(rf"^\W*(?:\w+ly )?(?P<subj>[a-z]{{3,}}ing\b[^,;:.!?\"“”()]{{0,60}}?)\s+(?:really |also |mainly )?"
                        rf"(?:(?:{verbs_s})|{_LETS_YOU}(?:{verbs}))\s+{_EFFECT_OBJECT}")
    return lead, aside, effect, gerund


@lru_cache(maxsize=1)
def _named_subject_rx() -> re.Pattern[str]:
    """"Drop jumps train ...", "Step-downs build ...", "Jump squats are ...": an exercise whose name opens with a verb,
    as the subject of a verb (an instruction has its object there: "Drop your hips", "Step back")."""
    verbs = "|".join(re.escape(x) for x in vocab()["effect_verbs"] if " " not in x and not x.endswith("s"))
    return re.compile(rf"^\W*{_SEQUENCE_LEAD}[a-z]+[ -][a-z]+s (?:really |also |mainly |all )?(?:{verbs}|are|help|give|make)\b")


@lru_cache(maxsize=1)
def _avoid_lead_rx() -> re.Pattern[str]:
    return re.compile(r"^\W*(?:" + "|".join(vocab()["avoid_leads"]) + ")")


def _aside(lower: str) -> bool:
    """A remark about safety, the programme or the page ("Stop if it hurts", "Checkpoint: ..."), not about an exercise."""
    opening, anywhere = _patterns()[1]
    return opening.match(lower) is not None or anywhere.search(lower) is not None


def _effect_statement(lower: str, words: list[str]) -> bool:
    """"This hits your glutes", "Bridges work the hamstrings": a thing (not you, not an instruction) acts on the body."""
    pats = _patterns()
    v = vocab()
    # "The towel winds up the fascia, so each rep loads it": the effect may be said in the clause after "so".
    so = lower.find(", so ")
    tries = [(pats[2], lower), (pats[3], lower)] + ([(pats[2], lower[so + 5:])] if so > 0 else [])
    for rx, part in tries:
        m = rx.match(part)
        if m is None:
            continue
        subj = words_of(m.group("subj"))
        if not subj or subj[0] in v["not_subjects_set"] or set(subj) & {"you", "i", "we"}:
            continue
        if rx is pats[3] and subj[0] in v["imperative_verbs_set"]:
            continue  # "Keeping your back flat, ..." opens an instruction
        return True
    return False


# "The trap bar deadlift is our main hip lift", "This is the most running-specific drill of the day";
# not "She is an exercise physiologist" (the noun goes on: a job, not an exercise).
_IS_AN_EXERCISE_RE = re.compile(r"^\W*(?:[\w-]+ ){1,4}(?:is|are) (?:our|my|a|an|the|one of (?:our|my|the))\b(?: [\w-]+){0,4}? "
                                r"(?:lifts?|exercises?|moves?|movements?|drills?|staples?|options?)\b"
                                r"(?!-| (?!for|in|to|of|on|that|which|we|i|you|and|because|since|if|when)[a-z])")
# The same without its subject, the exercise named by the heading above ("A quick drill for waking up the
# calves.", "Another core exercise that also trains balance."): what it is for. Not "... to do at your desk".
_AN_EXERCISE_FOR_RE = re.compile(r"^\W*(?:a|an|another|one more)(?: [\w-]+){0,3}? (?:exercises?|moves?|movements?|drills?|stretch)"
                                 r"(?: for [\w-]+ing\b| that| which)")
# "This is the most direct way to load ...", "This is the closest thing to ...", "This is the hip strength that ...",
# "This is your main glute builder", "This is the big one for the calves", "..., and this is the simplest way to
# train it": the exercise (this/that/it) said to be the means to an end.
_IS_THE_WAY_RE = re.compile(r"(?:^\W*|,\s+(?:and|but|so)\s+)(?:this|that|it)(?: is|'s|’s) (?:the|a|an|your|our|my|one of the)(?: [\w-]+){0,4}? "
                            r"(?:way|ways|thing|strength|foundation|insurance|antidote|fix|tool|answer|cure|secret|bang|"
                            r"builders?|one(?= for\b))\b")
# "This one is all about hip drive": what the exercise is for, said as its whole point.
_ALL_ABOUT_RE = re.compile(r"^\W*(?:this|that|it|these)(?: one| exercise| move| drill| stretch)?(?: is|'s|’s| are) "
                           r"(?:all|really|mostly|mainly|entirely|largely) about\b")
_YOU_RE = re.compile(r"^you(?:'|’|$|rself)")
# "You need to land softly ...", "For the lunge to work, you should keep ...": the reader told what to do, however
# the sentence ends ("in order to ...", "to be effective" name a reason for the instruction, not for the exercise).
# "It's important to keep your back flat" says the same as "you must keep ...": a form point, not a reason.
_YOU_MUST_RE = re.compile(r"(?:^\W*|,\s+)(?:you (?:should|must|need to|have to|want to|will need to|(?:'|’)ll (?:need|want) to)"
                          r"|it(?:'s|’s| is) (?:very |really |so )?(?:important|essential|vital|crucial) (?:that you |to ))"
                          r" ?"
                          r"(?:(?:also|always|still|just|then|really|\w+ly) )?([a-z]+)\b")
# The aim that makes "it's important to ..." a reason for the exercise rather than a form point.
_INJURY_AIM_RE = re.compile(r"\bto (?:help )?(?:prevent|avoid (?:re-?)?injur|reduce (?:the )?(?:risk|chance))")
# "The foot is slid along the floor", "More weight is placed over the toes": a movement said in the passive voice, as
# clinical handouts do; a cue, not a sentence about the muscles it happens to name.
_PASSIVE_MOVE_RE = re.compile(r"\b(?:is|are) (?:then |slowly |gently |now |also )?(?:[a-z]+ed|held|kept|bent|slid|put|set|drawn|swung|brought|"
                              r"thrown|spread|driven|rolled) (?:along|over|from|toward|towards|into|onto|up|down|back|across|against|"
                              r"forward|forwards|upwards|downwards|away|through)\b")
# "The back leg is held straight so that the hips stay square": a held position and the alignment it gives, said in the
# passive as clinical handouts do; the "so that" tells where the body goes, not why the exercise is done.
_PASSIVE_POSE_SO_RE = re.compile(r"\b(?:is|are) (?:kept |held )?(?:bent|straight|straightened|kept|held|turned|pointed|tilted|"
                                 r"locked|soft|slightly bent) (?:\w+ )?so(?: that)? (?:the|your|it|they|you)\b")
# "Think of this as laying the groundwork for ...": what the exercise is, framed for the reader; a reason when the
# framing names one ("Think of it as sitting into a chair" is how to move).
_THINK_OF_AS_RE = re.compile(r"^\W*think of (?:it|this|these|them|that|the (?:exercise|move|movement|drill))(?: one| exercise| move)? as\b")
# A reason given for the exercise, not to the reader ("which is why you must keep the knee soft" instructs).
_WHY_WE_RE = re.compile(r"\b(?:which|that|this)(?: is|'s|’s) (?:exactly |precisely |partly )?why (?!you\b|your\b)")
# The writer or a coach speaking of themselves ("I find ...", "most of my runners ..."), in lower-cased text:
# an opinion, a purpose only when it gives a reason; in prose, a story rather than the reader's routine.
FIRST_PERSON_RE = re.compile(r"\b(?:i|i'd|i'm|i've|i’d|i’m|i’ve|my|me)\b")
_REASON_RE = re.compile(r"\b(?:because|since|so that|which is why|that's why|that’s why)\b")
# A quotation with who said it: '"Quiet feet, quick feet," the coach tells her runners.', 'says Jo: "..."'.
# The quote alone says whether it is a cue or a purpose; the speaker's words around it say neither.
_QUOTE_CLOSE = "\"”"
_SAID_RE = re.compile(r"\b(?:say|says|said|tells|told|adds|added|explains|explained|notes|noted|reminds|reminded|cues|advises|"
                      r"advised|urges|insists|recommends|suggests|jokes|warns|warned)\b")


# A sentence that is a bracketed caption or image credit as a whole, a labelled one ("Table 2: ...", "Video: ..."),
# or anything in square brackets as a whole (a link, a shop widget, an image placeholder).
_CAPTION_RE = re.compile(r"^\W*[\[(][^\[\]()]*\b(?:figure|fig|photo|image|picture|illustration|video|credit)\b[^\[\]()]*[\])]\W*$"
                         r"|^\W*\[[^\[\]]*\]\W*$"
                         r"|^\W*(?:table|figure|fig|chart|diagram|photo|image|picture|illustration|video)\.?(?: \d{1,2})?\s*[:|–—-]\s")
# "don't skip these", "never miss this one": urging to do the exercise, not a form fault to avoid.
_KEEP_DOING_RE = re.compile(r"\b(?:don't|do not|never)\s+(?:skip|forget|neglect|miss|ignore)\b")
# "A good way to prevent a calf strain is ...": what a way (the exercise) prevents, not a warning.
_WAY_TO_AVOID_RE = re.compile(r"\bways? to (?:avoid|prevent)\b")
# "Coach Li says bridges work the glutes.": an unquoted report; the said clause decides (quoted ones: _quoted).
# Not "This says a lot about ...": the speaker is a name or title, not a pronoun for the exercise.
# "For the wall sit, press your back flat ...": which exercise the instruction is for, then the instruction (its
# "so that" or "to" is how to do it, not what the exercise is for). Not "For a harder version, ...".
_FOR_THE_LEAD_RE = re.compile(r"^\W*for (?:the|this|that|each) (?!(?:harder|easier|advanced|beginner|more|less|next|best)\b)[\w'’ -]{1,30}?, ")
_REPORTED_RE = re.compile(r"^\W*(?!(?:this|it|that|which|what|the exercise|the move)\b)(?:[\w'’.-]+ ){1,5}?"
                          r"(?:(?:says|said|explains|explained|insists|warns|warned)(?: that)?,?"
                          # "adds", "added", "notes" name a report only with "that" or a comma after them: "a plate adds
                          # load to ...", "tight calves place added strain on ..." are claims about the body
                          r"|(?:notes|noted|adds|added)(?: that|,)) (?=[a-z])")


# "build to 3 sets", "building up to 60 seconds": a target dose, not what the exercise builds.
_BUILD_TO_RE = re.compile(r"\bbuild(?:ing)?(?: up)? to\b")


@lru_cache(maxsize=1)
def _benefit_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(muscle as subject of a benefit, exercise acting on a named muscle, strong muscle as subject, participle acting on a
    named muscle) patterns, built from the muscle lexicon."""
    from runstrength.extract import lexicon

    terms = {t.lower() for vs in lexicon.load_muscles().values() for t in vs} - set(lexicon.load_regions())
    terms |= {t + "s" for t in terms if not t.endswith("s")}
    muscle = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    group = rf"(?:(?:your|the|a|strong|stronger|weak|weaker|tight|tighter|stiff|firm|solid|powerful|resilient) )*(?:{muscle})"
    groups = rf"(?:{group})(?:(?:, | and | & )(?:{group}))*"
    # "Strong glutes take load off ...", "Your calves absorb more load ...", "... but strong shoulders and a strong core keep ...",
    # "It's the calves that absorb ...", "Weakness in the hip muscles lets the knee drop ...",
    # "..., the quads work harder than ...", "A tight calf pulls on the heel ...", "Tight hamstrings can tug on ...".
    subject = re.compile(rf"(?:^\W*|\b(?:but|and|because|since|as) |, |\bit(?:'s|’s| is) )"
                         rf"(?:(?:weakness|tightness|stiffness|fatigue) (?:in|of) )?{groups} (?:that |which |who )?"
                         r"(?:can |will |may |often |also |then )?"
                         r"(?:absorb|take|do|handle|carry|keep|protect|produce|generate|support|power|drive|stabili[sz]e|"
                         r"stop|prevent|help|reduce|spare|work|let|allow|cause|lead|pull|tug|increase|put|place)s?\b")
    # "Strong calves are your best defence ...", "Stronger hips mean ...": a muscle said to be strong is the point.
    strong = re.compile(rf"^\W*(?:strong|stronger|resilient|powerful) {groups} (?:are|is|mean|means|make|makes|give|gives)\b")
    verbs = "|".join(re.escape(x) for x in vocab()["effect_verbs"])
    # "... since it works quads and glutes together": the exercise (a pronoun) acting on a named muscle.
    # "This keeps the quads working", "This gets the glutes and hamstrings firing" too.
    # "It's brutally hard on the quads", "This is gentle on the calves": how much the exercise asks of a muscle.
    # "This is a cheap swap for X and hits the glutes": the pronoun's second verb, after a clause about it.
    acting = re.compile(rf"\b(?:it|this|they|these|which|that one)(?: (?:really |also |mainly |directly )?(?:{verbs}|gets|keeps|puts)"
                        rf"|(?: is| are|'s|’s) (?:[\w-]+ ){{0,2}}?(?:hard|tough|demanding|brutal|easy|gentle|kind) on"
                        rf"|(?: is| are|'s|’s)\b[^,;.!?]{{1,60}}? and (?:also )?(?:{verbs})) "
                        rf"(?:(?:your|the|both|all|those|these) )?(?:{muscle})\b")
    # "Squats are the staple of leg strength, working your quads and glutes at once": a participle after the
    # statement says what the exercise trains (not "engaging"/"squeezing": those are how to hold a position).
    working = re.compile(rf", (?:working|training|targeting|hitting|strengthening|loading|building|challenging|developing) "
                         rf"(?:(?:your|the|both|all|those|these) )?(?:{muscle})\b")
    return subject, acting, strong, working


# "... makes your ankles stronger", "... make your legs strong": what doing the exercise does to the body.
_MAKES_STRONG_RE = re.compile(r"\bmakes? (?:your|the|you) (?:[\w'’-]+ ){0,5}?(?:strong|stronger|more (?:stable|resilient|powerful)|"
                              r"tougher|springier|faster|resilient|powerful)\b")


def _benefit_claim(lower: str) -> bool:
    subject, acting, strong, _ = _benefit_patterns()
    return (subject.search(lower) is not None or acting.search(lower) is not None or strong.match(lower) is not None
            or ("make" in lower and _MAKES_STRONG_RE.search(lower) is not None))


def _quoted(text: str) -> str | None:
    """The quotation of a sentence that is a quotation and who said it, else None."""
    text = text.rstrip()
    if text.endswith('"') and text.count('"') % 2:
        # '..." says the coach. "': the quote mark opening the speaker's next sentence stays on this one
        text = text[:-1].rstrip()
    close = max(text.rfind(q) for q in _QUOTE_CLOSE)
    if close <= 0:
        return None
    tail = text[close + 1:]
    if len(tail.split()) <= 14 and _SAID_RE.search(tail.lower()):
        quote = text[:close]  # the speaker after the quotation
    else:
        opening = min((i for i in (text.find(q) for q in "\"“") if i >= 0), default=-1)
        head = text[:opening] if opening > 0 else ""
        if not head or tail.strip(" .!?") or len(head.split()) > 10 or not _SAID_RE.search(head.lower()):
            return None
        quote = text[opening + 1:close]  # the speaker before it: 'As the coach says, "..."'
    quote = quote.strip(" \"“”,.!?")
    return quote if len(quote.split()) >= 2 else None


def _past_story(words: list[str]) -> bool:
    """The verb after the opening "I"/"we" (past a sequencing word or an adverb) is in the past tense."""
    for word in words[1:4]:
        if word in _LEADING or word.endswith("ly") or word in ("then", "also", "just", "even", "still"):
            continue
        return (word.endswith("ed") and not word.endswith("eed")) or word in vocab()["story_verbs_set"]
    return False


@lru_cache(maxsize=8192)  # pure; the assembler asks again for the same sentence from several passes
def classify(text: str) -> tuple[str, str | None] | None:
    """Role of one sentence inside an exercise's description: ("cue", kind), ("purpose", None) or None."""
    v = vocab()
    lower = " ".join(text.lower().split())
    w = words_of(lower)
    if not w:
        return None
    if ('"' in text or "”" in text) and (said := _quoted(text)) is not None:
        return classify(said)
    if lower.startswith("for ") and (lead := _FOR_THE_LEAD_RE.match(lower)) and starts_imperative(words_of(lower[lead.end():])):
        return classify(lower[lead.end():])
    if (rep := _REPORTED_RE.match(lower)) is not None and len(w) - len(words_of(rep.group(0))) >= 3:
        return classify(lower[rep.end():])  # anchored and bounded: cheap enough for every sentence
    if _CAPTION_RE.match(lower):
        return None  # "[Figure 2: ...]", "(Photo: ...)": a picture's caption, not the text
    if lower.endswith("?"):
        return None  # "What about box jumps?": a question opens a topic; the answer tells how or why
    kind = cue_kind(lower, first=w[0])
    if _NAMING_RE.search(lower):
        return None  # "Our second move is called the clamshell." only names it
    lead = _patterns()[0]
    if _avoid_lead_rx().match(lower):
        return "cue", "avoid"  # "Common mistake: rushing the lowering": a fault named, however it is worded
    if _aside(lower):
        return None  # "Stop if it hurts", "call the clinic": about the reader's safety, not the exercise
    if lead.match(lower):
        return "purpose", None  # "Why it works: ...", "Muscles worked: ..."
    if w[0] in ("i", "we") and _past_story(w):
        return None  # "I ran my first trail race with no knee pain": the writer's story, not how to do it
    if w[0] == "think" and (m := _THINK_OF_AS_RE.match(lower)) and _first_pos(lower[m.end():], v["purpose_markers"]) >= 0:
        return "purpose", None
    if " so" in lower and _PASSIVE_POSE_SO_RE.search(lower):
        return "cue", kind
    named = _named_subject_rx().match(lower) is not None
    if len(w) <= 5 and w[0] in v["goal_verbs_set"] and w[-1] in v["goal_qualities_set"]:
        return "purpose", None  # "Build lower-leg strength.": the aim in a few words, nothing on how
    if starts_imperative(w) and not named or performer_instruction(w):
        return "cue", kind
    if ("optional" in lower or " for " in lower or " help" in lower or " work" in lower) and _AID_RE.search(lower):
        return "cue", "modification"
    if _benefit_claim(lower):
        return "purpose", None  # "Strong glutes take load off your knees", "... since it works quads and glutes"
    opener = w[0] in v["instruction_openers_set"] or w[0].endswith(("ly", "ing"))
    if not named and (_clause_imperative(text, after_colon_only=not opener) or _so_imperative(lower)):
        return "cue", kind
    if ("you" in lower or "it's" in lower or "it’s" in lower or "it is" in lower) and (m := _YOU_MUST_RE.search(lower)) and m.group(1) in v["imperative_verbs_set"] \
            and m.group(1) not in v["effect_verbs_set"] and not (m.group(0).lstrip(" ,").startswith("it") and _INJURY_AIM_RE.search(lower, m.end())):
        # not "you need to build ...": what the reader must gain is a reason; nor "It's important to load the
        # calves often, to prevent a relapse": why the exercise is in the plan, not how to do it
        return "cue", kind
    if ", " in lower and "ing " in lower and _benefit_patterns()[3].search(lower):
        # after the instruction checks: "Step wide, working the glutes" still tells how
        return "purpose", None  # "Squats are a staple, working your quads and glutes"
    if "why" in lower and _WHY_WE_RE.search(lower):
        return "purpose", None  # "..., which is why we program it early": the reason for choosing the exercise
    if _MODIFY_RE.match(lower):
        return "cue", "modification"
    if _SETUP_RE.search(lower):
        return "cue", "setup"
    if "be " in lower and _ALT_WAY_RE.search(lower):
        return "cue", "modification"
    if "you" in lower and (m := _HAS_YOU_RE.match(lower)) and (m.group(1).endswith("ing") or m.group(1) in v["imperative_verbs_set"]):
        return "cue", kind  # not "This one gets you more range": what the reader gains
    if "way to" in lower and _BEST_WAY_RE.match(lower):
        return "cue", kind
    if " is " in lower and _KEY_IS_RE.match(lower):
        return "cue", kind
    purpose_text = _BUILD_TO_RE.sub(" ", lower)
    if "the " in purpose_text or "this " in purpose_text:
        purpose_text = _EXERCISE_AS_OBJECT_RE.sub(" ", purpose_text)
    purpose_at = _first_pos(purpose_text, v["purpose_markers"])
    if _DESCRIBES_RE.match(lower) and not _SETUP_RE.search(lower):
        return "purpose", None
    if (_effect_statement(lower, w) or _IS_AN_EXERCISE_RE.match(lower) or _AN_EXERCISE_FOR_RE.match(lower)
            or _IS_THE_WAY_RE.search(lower) or _ALL_ABOUT_RE.match(lower)):
        return "purpose", None
    avoid_text = _KEEP_DOING_RE.sub(" ", lower)
    if "way" in avoid_text:
        avoid_text = _WAY_TO_AVOID_RE.sub(" ", avoid_text)
    avoid_at = _first_pos(avoid_text, v["avoid_words"])
    if avoid_at >= 0 and (purpose_at < 0 or avoid_at < purpose_at):
        return "cue", "avoid"
    # The writer's own view ("I find most runners ...") is a purpose only with its reason.
    opinion = FIRST_PERSON_RE.search(lower) is not None and _REASON_RE.search(lower) is None
    if purpose_at >= 0 and not opinion:
        return "purpose", None
    if _has_phrase(lower, v["breathing_words"]) or _has_phrase(lower, v["form_words"]) or _has_phrase(lower, v["modification_words"]):
        return "cue", kind
    if "you" in w or "your" in w or any(_YOU_RE.match(x) for x in w):  # "you're", "you'll" too
        return "cue", kind
    if (" is " in lower or " are " in lower) and _PASSIVE_MOVE_RE.search(lower):
        return "cue", kind
    if "should" in lower and _SHOULD_FEEL_RE.search(lower) and not _EVERY_MOVE_SUBJECT_RE.match(lower):
        return "cue", kind  # "Each landing should have a sense of spring": how a rep should feel, whatever it names
    if _BENEFIT_RE.search(lower) and not opinion:
        return "purpose", None
    if "rep" in lower and _ONE_REP_RE.search(lower):
        return "cue", kind
    if _BODY_RE.search(lower) or len(w) <= 6 and _has_phrase(lower, v["tempo_words"]):
        return "cue", kind  # "Slow down, quick up.": a short call of how fast
    return None


def states_goal(text: str) -> bool:
    """Whether a sentence names what its subject is for ("... will help you run taller", "... to improve
    balance"), not only describes it ("These moves come from our coach": a purpose to classify() when said
    of an exercise, nothing to give every exercise of a list)."""
    lower = " ".join(text.lower().split())
    return (_first_pos(lower, vocab()["purpose_markers"]) >= 0 or _benefit_claim(lower)
            or _effect_statement(lower, words_of(lower)))


def under_label(text: str, label: str) -> tuple[str, str | None] | None:
    """Role of a sentence under a "How:" / "Why:" label: the label says which side it is on,
    whatever its wording ("When they tire, the shin takes the load." under "Why:" is a purpose).
    A prescription, a caption or an aside stays out; under other labels the sentence decides."""
    got = classify(text)
    v = vocab()
    if label in v["purpose_labels_set"]:
        side = "purpose"
    elif label in v["cue_labels_set"]:
        side = "cue"
    else:
        return got
    lower = " ".join(text.lower().split())
    if got is None and (_CAPTION_RE.match(lower) or _aside(lower) or _NAMING_RE.search(lower)):
        return None
    if side == "purpose":
        return "purpose", None
    return "cue", got[1] if got is not None and got[0] == "cue" else cue_kind(lower)


def purpose_labelled(text: str) -> bool:
    """Whether a sentence opens with a label that makes it a purpose ("Aim: ...", "Why it works: ...")."""
    return _patterns()[0].match(" ".join(text.lower().split())) is not None


def purpose_line_label(label: str) -> bool:
    """A label whose line, whole, is the exercise's purpose ("Works: glutes", "Improves: balance")."""
    return label in vocab()["purpose_line_labels_set"]


def label_walks(label: str) -> bool:
    """A label whose text is read sentence by sentence (instructions, reasons, tips), not as terms only."""
    v = vocab()
    return label in v["purpose_labels_set"] or label in v["cue_labels_set"]


def cue_kind(lower: str, *, first: str = "") -> str:
    v = vocab()
    if _has_phrase(lower, v["avoid_words"]):
        return "avoid"
    if _has_phrase(lower, v["breathing_words"]):
        return "breathing"
    if _has_phrase(lower, v["modification_words"]):
        return "modification"
    if _has_phrase(lower, v["tempo_words"]):
        return "tempo"
    if _has_phrase(lower, v["setup_words"]):
        return "setup"
    if _has_phrase(lower, v["form_words"]):
        return "form"
    return "movement"


def content_words(text: str) -> list[str]:
    return [w for w in words_of(text) if w not in _STOP]
