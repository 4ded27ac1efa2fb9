"""The staff admin pages (/admin): server-rendered Jinja2, plain forms, works without JavaScript."""
