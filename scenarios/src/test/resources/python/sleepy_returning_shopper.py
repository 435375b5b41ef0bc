# Like the example shopper, but falls asleep (30 s of wall clock) when a customer's second visit
# starts (a started with visit 1), past the group's turn timeout.
import time

from cheapest_shopper import CheapestShopper
from mercato_client import per_agent, run

shopper = per_agent(CheapestShopper)


def on_turn(turn):
    if any(seen["type"] == "started" and seen.get("visit") == 1 for seen in turn["observations"]):
        time.sleep(30)
    return shopper(turn)


run(on_turn)
