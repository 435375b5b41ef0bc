/**
 * Metrics of sponsored slots: auctions, fill, platform revenue, sponsored choices and advertiser
 * surplus, with the optional counterfactual welfare.
 */
package org.mercato.metrics.ads;
