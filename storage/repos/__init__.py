"""Repository functions: keyword-only, they add and flush; the edge that received the request commits."""
