from retold.cli import entry

entry()
