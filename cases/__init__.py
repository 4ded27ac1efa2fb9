"""Cases: villagers' reports and their rules.

Public API:
- categories.categories(), categories.by_code(code), categories.CADRE_LEVELS: report categories as data
- lifecycle.CaseStatus, lifecycle.STATES, lifecycle.TRANSITIONS, lifecycle.transition(...),
  lifecycle.record_event(...), lifecycle.IllegalTransition: the one transition table and the one function for changes
- access.Role, access.Viewer, access.case_scope(viewer): who sees which cases
- validation.ReportInput / EvidenceInput / LocationInput / Channel, validation.check(report), InvalidReport
- submit.submit(session, report=, key=, policy=SubmitPolicy(...), now=) -> Submitted: the one submit service
- tracking.own_cases / lookup(number, code) / view(case) / awaiting_rating
- service.accept / public_reply / close / rate / add_text / add_media: actions on a case
- intake.report_drafts.*: the chat's one draft per villager (its data a DraftData);
  evidence.media_jobs.outbox_kinds(...): evidence downloads via the outbox, handed to the worker at composition
- identity.IdentityKeys / reporter_tag / seal / unseal: sealed reporter identity
- numbers.next_number / normalise_number: case numbers and query codes
- case_input.read / read_number / read_code: a case number and query code as a villager types them (chat, H5)
"""
