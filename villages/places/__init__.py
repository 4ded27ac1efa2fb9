"""Places: the village registry (NBS codes), lookup by what villagers type, hotlines, QR scenes."""
