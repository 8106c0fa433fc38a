"""Ingest: raw files (txt, md, html) to RawArticle records whose text is what the dataset publishes."""
