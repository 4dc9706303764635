"""haicap: the platform a Vietnamese province and its communes run the two-tier government on."""
