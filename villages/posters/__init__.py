"""Posters: QR codes and the streamed poster PDF."""
