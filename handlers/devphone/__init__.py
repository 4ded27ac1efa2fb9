"""The dev phone: a villager's WeChat in the browser, against the WeChat API stand-in (dev only)."""
