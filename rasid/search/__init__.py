"""Search over the knowledge base: full text and filters (people, organizations, countries,
event types, sectors, dates), and the event listing."""
