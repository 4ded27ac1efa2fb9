"""Intake: a report from a villager becomes a case (drafts, validation by channel, submit, limits)."""
