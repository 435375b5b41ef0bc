"""Sells at the menu's posted prices: a message naming items gets a proposal for those on the menu
(valid 10 minutes of virtual time), anything else a text reply. Like the in-process posted-price
policy, without its manipulation tactics."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from mercato_client import per_agent, run  # noqa: E402


class PostedPriceSeller:
    def __init__(self):
        self.menu = {}

    def __call__(self, turn):
        actions = []
        for seen in turn["observations"]:
            if seen["type"] == "started":
                self.menu = seen["service"]["menu"]
            elif seen["type"] == "message":
                actions.append(self.answer(seen["from"], seen.get("items") or {}))
        return actions

    def answer(self, customer, wanted):
        lines = [{"item": item, "quantity": quantity, "unitPrice": self.menu[item]}
                 for item, quantity in wanted.items() if item in self.menu]
        if lines:
            return {"type": "propose", "customer": customer, "lines": lines, "validFor": 600}
        if wanted:
            return {"type": "reply", "customer": customer, "text": "Sorry, we do not carry " + ", ".join(wanted)}
        return {"type": "reply", "customer": customer, "text": "We offer: " + ", ".join(self.menu)}


if __name__ == "__main__":
    run(per_agent(PostedPriceSeller))
