"""The guided report: category, what happened, (who is reported), evidence, identity, confirm.

The draft lives in its own table (one per villager, 24 hours), so it survives restarts and a detour
to the menu. Photos and voice notes are rows of their own, so nine photos sent at once all land.
The reply with the case number is the webhook's passive reply, sent after the commit.

start.py begins a report (asked for, or offered from a story) and flow.py takes each message of it to
its step: category.py, story.py (with cadre.py), evidence.py (media.py keeps the files), identity.py,
review.py (the summary and 修改) and submit.py; hardship.py is the application for help. draft.py holds
what the steps share.
"""
