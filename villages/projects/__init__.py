"""Village projects (项目公开): the CSV, its import and the villager's view."""
