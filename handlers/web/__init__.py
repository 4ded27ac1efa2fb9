"""The kernel of the server-rendered pages (admin and H5): errors, headers, CSRF, staff sign-in."""
