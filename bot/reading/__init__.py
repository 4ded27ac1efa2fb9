"""Reading a villager's message, one file per kind of reading (bot/understand.py combines them)."""
