"""Agenda widgets: the day and week views of appointments, and what the agenda area,
the booking dialog and the deadlines panel share (dates, outcome colours)."""
