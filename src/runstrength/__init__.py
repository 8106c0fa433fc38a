"""runstrength: strength-training-for-runners articles as a validated, published dataset."""

__version__ = "0.1.0"

DATASET_NAME = "runstrength"
# Semantic version of the published data (not of the code): patch = same data
# re-serialised, minor = additions, major = changed or removed fields.
DATASET_VERSION = "1.1.0"
