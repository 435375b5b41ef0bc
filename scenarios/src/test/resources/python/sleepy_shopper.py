# Like the example shopper, but falls asleep (30 s of wall clock) on its first search results,
# past the group's turn timeout.
import time

from cheapest_shopper import CheapestShopper
from mercato_client import per_agent, run

shopper = per_agent(CheapestShopper)


def on_turn(turn):
    if any(seen["type"] == "search-results" for seen in turn["observations"]):
        time.sleep(30)
    return shopper(turn)


run(on_turn)
