"""Dialogs opened from several places of the main window (booking an appointment...)."""
