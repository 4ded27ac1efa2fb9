"""Handling: what staff do on a case (accept, reply, transfer, return, joint handling, close)."""
