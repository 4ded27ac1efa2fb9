"""WeChat adapters: signatures and crypto, inbound message parsing, replies, the outbound API."""
