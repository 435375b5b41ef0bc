package org.mercato.explorer;

/**
 * The SQL that builds the explorer's per-customer table {@code explorer_customers} from a run's
 * tables (attached as {@code r}), one row per customer of {@code r.customers}, with the
 * definitions of the report's charts so a filter's total equals the count behind a bar:
 *
 * <ul>
 *   <li>{@code paid_*}: the customer's first payment (most customers pay once; the report's
 *       position and tactic charts count every payment, so they agree as long as each pays once).
 *   <li>{@code paid_rank}, {@code paid_row}, {@code paid_column}, {@code paid_tags}: where the paid
 *       service was shown to the customer last before that payment ({@code PositionFold}); null
 *       when it was never shown. {@code paid_tags} is the impression's JSON array of badges.
 *   <li>{@code paid_tactic}: the paid service's {@code tactic} (null: control, {@code
 *       ManipulationFold}).
 *   <li>{@code paid_position}: the arrival position of the paid proposal among the proposals
 *       delivered to the customer before that payment ({@code FirstProposalFold}: by {@code reveal}
 *       events when the log has any, else by {@code proposal} events made before the customer was
 *       done); null when it was not among them. {@code paid_first}: position 1.
 *   <li>{@code served}: some payment of the customer bought every requested item from a seller with
 *       every required amenity ({@code WelfareFold}'s fulfilled customers).
 *   <li>{@code done_reason}: the reason of the customer's last {@code done} event.
 *   <li>{@code searches}, {@code messages} (sent or received), {@code proposals} (made to it).
 * </ul>
 * {@code turns} is filled afterwards from {@code transcripts.jsonl}.
 */
final class CustomerTable {
    private CustomerTable() {}

    static final String NAME = "explorer_customers";

    /**
     * The events kept whole in {@code events.body} (reveal, decline, wait, wake, done, ...) by the
     * agent or customer they concern, sorted by it so one agent's are found without a scan.
     */
    static final String BODY_EVENTS = "explorer_body_events";

    static final String CREATE_BODY_EVENTS = "CREATE TABLE explorer_body_events AS"
            + " SELECT coalesce(body->>'customer', body->>'agent') AS agent, seq FROM r.events"
            + " WHERE body IS NOT NULL AND coalesce(body->>'customer', body->>'agent') IS NOT NULL ORDER BY agent, seq";

    static final String CREATE = """
            CREATE TABLE explorer_customers AS
            WITH pay AS (
                SELECT customer, min(seq) AS seq, arg_min(service, seq) AS service,
                       arg_min(amount, seq) AS amount, arg_min(proposal, seq) AS proposal
                FROM r.payments GROUP BY customer),
            shown AS (
                SELECT p.customer, arg_max(i.rank, i.seq) AS rank, arg_max(i."row", i.seq) AS "row",
                       arg_max(i."column", i.seq) AS "column", arg_max(i.tags, i.seq) AS tags
                FROM pay p JOIN r.impressions i
                  ON i.agent = p.customer AND i.service = p.service AND i.seq < p.seq
                GROUP BY p.customer),
            done_events AS (
                SELECT body->>'agent' AS agent, min(seq) AS first_seq, arg_max(body->>'reason', seq) AS reason
                FROM r.events WHERE type = 'done' GROUP BY 1),
            reveals AS (
                SELECT body->>'customer' AS customer, body->>'proposal' AS proposal, seq
                FROM r.events WHERE type = 'reveal'),
            delivered AS (
                SELECT customer, proposal, seq FROM reveals
                UNION ALL
                SELECT pr.customer, pr.id, pr.seq FROM r.proposals pr
                LEFT JOIN done_events d ON d.agent = pr.customer
                WHERE NOT EXISTS (SELECT 1 FROM reveals) AND (d.first_seq IS NULL OR pr.seq < d.first_seq)),
            numbered AS (
                SELECT d.customer, d.proposal, row_number() OVER (PARTITION BY d.customer ORDER BY d.seq) AS k
                FROM delivered d LEFT JOIN pay p ON p.customer = d.customer
                WHERE p.seq IS NULL OR d.seq < p.seq),
            position AS (
                SELECT n.customer, min(n.k) AS k FROM numbered n
                JOIN pay p ON p.customer = n.customer AND p.proposal = n.proposal GROUP BY 1),
            wanted AS (
                SELECT id AS customer, item, CAST(json_extract_string(items, '$."' || replace(item, '"', '\\"') || '"') AS BIGINT) AS qty
                FROM (SELECT id, items, unnest(json_keys(items)) AS item FROM r.customers)),
            lines AS (
                SELECT pm.seq AS payment, pm.customer, line.item AS item, sum(line.qty) AS qty
                FROM r.payments pm JOIN r.proposals pr ON pr.id = pm.proposal,
                     unnest(from_json(pr.lines, '[{"item":"VARCHAR","qty":"BIGINT"}]')) AS u(line)
                GROUP BY 1, 2, 3),
            amenable AS (
                SELECT pm.seq AS payment, pm.customer
                FROM r.payments pm JOIN r.proposals pr ON pr.id = pm.proposal
                JOIN r.services s ON s.id = pr.service JOIN r.customers c ON c.id = pm.customer
                WHERE list_has_all(from_json(s.amenities, '["VARCHAR"]'), from_json(c.amenities, '["VARCHAR"]'))),
            shortfall AS (
                SELECT DISTINCT a.payment FROM amenable a JOIN wanted w ON w.customer = a.customer
                LEFT JOIN lines l ON l.payment = a.payment AND l.item = w.item
                WHERE coalesce(l.qty, 0) < w.qty),
            served AS (
                SELECT DISTINCT a.customer FROM amenable a LEFT JOIN shortfall f ON f.payment = a.payment
                WHERE f.payment IS NULL),
            searched AS (SELECT agent AS customer, count(*) AS n FROM r.searches GROUP BY 1),
            talked AS (
                SELECT id, count(*) AS n FROM (SELECT "from" AS id FROM r.messages UNION ALL SELECT "to" FROM r.messages)
                GROUP BY 1),
            offered AS (SELECT customer, count(*) AS n FROM r.proposals GROUP BY 1)
            SELECT c.id, c.name, c."group", c.policy, c.request,
                   sv.customer IS NOT NULL AS served,
                   p.service AS paid_service, p.amount AS paid_amount, s.tactic AS paid_tactic,
                   sh.rank AS paid_rank, sh."row" AS paid_row, sh."column" AS paid_column, sh.tags AS paid_tags,
                   pos.k AS paid_position, CASE WHEN p.customer IS NULL THEN NULL ELSE coalesce(pos.k = 1, false) END AS paid_first,
                   d.reason AS done_reason,
                   coalesce(se.n, 0) AS searches, coalesce(t.n, 0) AS messages, coalesce(o.n, 0) AS proposals,
                   0 AS turns, c.seq
            FROM r.customers c
            LEFT JOIN pay p ON p.customer = c.id
            LEFT JOIN r.services s ON s.id = p.service
            LEFT JOIN shown sh ON sh.customer = c.id
            LEFT JOIN position pos ON pos.customer = c.id
            LEFT JOIN served sv ON sv.customer = c.id
            LEFT JOIN done_events d ON d.agent = c.id
            LEFT JOIN searched se ON se.customer = c.id
            LEFT JOIN talked t ON t.id = c.id
            LEFT JOIN offered o ON o.customer = c.id
            ORDER BY c.id
            """;
}
