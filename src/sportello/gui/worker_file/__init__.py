"""A worker's file (fascicolo) in its own window: anagrafica, situation, diary, history.

``window.WorkerFileWindow`` is the window; ``binder`` ties form fields to widgets and
shows the services' messages next to the field they name; ``tabs`` builds the pages;
``dialogs`` holds the conflict, similar-people and merge dialogs; ``labels`` the texts
of the stored codes. Every rule is in the core services; this package only shows and asks.
Other windows open a file through ``shared.navigation.open_worker_file``.
"""
