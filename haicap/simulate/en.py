"""English for the simulator's Vietnamese strings (merged by `make messages`)."""

EN = {
    "Lần mô phỏng": "Simulation run",
}
