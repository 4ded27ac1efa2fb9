"""Staff accounts and the separated powers over them."""
