"""The WeChat webhook: its fast path, batch writer and time budget."""
