# Answers the first turn of each agent like the example shopper, then crashes on the first search
# results it sees (an uncaught exception: Python exits with code 1) while the market still runs.
from cheapest_shopper import CheapestShopper
from mercato_client import per_agent, run


def crash_on_results(factory):
    handler = per_agent(factory)

    def on_turn(turn):
        if any(seen["type"] == "search-results" for seen in turn["observations"]):
            raise RuntimeError("the agent crashed")
        return handler(turn)

    return on_turn


run(crash_on_results(CheapestShopper))
