package org.mercato.sim.events;

/**
 * A fact the market recorded. Each is one line of {@code events.jsonl}: {@code t} (virtual
 * microseconds), {@code seq} (the global order), {@code type}, then the fields this event writes.
 */
public sealed interface Event
        permits CustomerEvent,
                ServiceEvent,
                SearchEvent,
                ImpressionEvent,
                MessageEvent,
                ProposalEvent,
                RevealEvent,
                PaymentEvent,
                DeclineEvent,
                RejectionEvent,
                WaitEvent,
                WakeEvent,
                DoneEvent,
                TaskEvent,
                BidEvent,
                AuctionEvent,
                ExecutionEvent,
                AdAuctionEvent,
                AdChargeEvent,
                ArrivalEvent,
                PeriodEvent,
                DeliveryEvent,
                ReviewEvent,
                ReviewTextEvent,
                ReputationEvent,
                RestockEvent,
                QualityEvent,
                PricingBenchmarkEvent,
                PricingBlockEvent,
                PricingEpisodeEvent,
                PricingImpulseEvent,
                PricingPeriodEvent {

    String type();

    void writeFields(JsonLine out);
}
