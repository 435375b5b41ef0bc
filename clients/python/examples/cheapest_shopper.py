"""Asks every service on the first results page for the customer's items, waits for the answers
(30 s of virtual time at most), pays the cheapest proposal that covers the request (every item, from
a service whose listing shows the required amenities) within the budget, declines the others and
says done. In a market with return visits each visit starts afresh. Started by a scenario's
external.command, or by hand with the MERCATO_* variables."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from mercato_client import per_agent, run  # noqa: E402


class CheapestShopper:
    def __init__(self):
        self.start_visit(None)

    def start_visit(self, customer):  # a visit's "started" (a return visit's carries "visit": 1, 2, ...)
        self.customer, self.asked, self.heard, self.proposals, self.paying = customer, None, set(), [], False
        self.amenities = {}  # service -> the amenities its listing shows

    def __call__(self, turn):
        actions, ready = [], False
        for seen in turn["observations"]:
            kind = seen["type"]
            if kind == "started":
                self.start_visit(seen["customer"])
                actions.append({"type": "search", "query": self.customer["request"]})
            elif kind == "search-results":
                self.asked = {listing["service"] for listing in seen["listings"]}
                for listing in seen["listings"]:
                    self.amenities[listing["service"]] = set(listing.get("amenities", []))
                    actions.append({"type": "message", "to": listing["service"], "items": self.customer["items"],
                                    "text": "Please send me a proposal for " + self.customer["request"]})
                actions.append({"type": "wait", "seconds": 30})
            elif kind == "proposal":
                self.proposals.append(seen["proposal"])
                self.heard.add(seen["proposal"]["service"])
            elif kind == "message":
                self.heard.add(seen["from"])
            elif kind == "payment-settled":
                return self.decline_all_but(seen["proposalId"]) + [{"type": "done", "reason": "purchased"}]
            elif kind == "rejected" and seen["action"] == "pay":  # expired or sold out: try the next cheapest
                self.proposals = [p for p in self.proposals if p["id"] != seen["ref"]]
                self.paying = False
            ready = ready or kind in ("woken-up", "rejected")
        if self.asked is not None and not self.paying and (ready or self.asked <= self.heard):
            actions += self.decide()
        return actions

    def decide(self):
        fits = [p for p in self.proposals if self.covers(p) and p["total"] <= self.customer["budget"]]
        if not fits:
            return self.decline_all_but(None) + [{"type": "done", "reason": "no-acceptable-proposal"}]
        self.paying = True
        return [{"type": "pay", "proposalId": min(fits, key=lambda p: p["total"])["id"]}]  # earliest on ties

    def decline_all_but(self, kept):
        return [{"type": "decline", "proposalId": p["id"]} for p in self.proposals if p["id"] != kept]

    def covers(self, proposal):
        got = {line["item"]: line["quantity"] for line in proposal["lines"]}
        needs = set(self.customer.get("requiredAmenities", []))
        return needs <= self.amenities.get(proposal["service"], set()) and all(
            got.get(item, 0) >= quantity for item, quantity in self.customer["items"].items())


if __name__ == "__main__":
    run(per_agent(CheapestShopper))
