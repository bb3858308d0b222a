"""Investment projects after "won": the project and its milestones, the needs it came from, its
agreements with their obligations and documents, and the capital in place."""
