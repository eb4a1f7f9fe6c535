"""Imported once by the web workers' fork server: every worker forked from it then starts with
the lexicon's indexes built, so a fresh worker (one replacing a killed one) answers its first
comparison as fast as the others instead of spending its time limit on the lexicon."""

from retold import lexicon

lexicon.warm()
