"""The villager conversation: a dispatcher, the conversation state and the intents. No HTTP, no SQL."""
