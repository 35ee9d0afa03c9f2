"""Nightly harvest of meeting minutes from municipal publishing systems.

One adapter per publishing system (`dynasty`, `tweb`, `casem`, `ahjo`, `generic`, `folder`), all
with the same shape: bodies -> meetings since a date -> items -> documents. `runner.harvest` walks
every configured source through its adapter, fetches politely through `http.Fetcher`, stores the
files under data/raw/<municipality>/<body>/..., ingests them, and publishes a read-only snapshot
for researchers. See docs/harvest.md.
"""
