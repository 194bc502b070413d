/**
 * The MWS marketplaces ({@code docs/protocol.md} §1.1): {@link io.openmws.protocol.marketplace.Region},
 * {@link io.openmws.protocol.marketplace.Marketplace} and the fixed table
 * {@link io.openmws.protocol.marketplace.Marketplaces}, with the details {@code ListMarketplaceParticipations}
 * reports (name, domain, currency, language).
 */
package io.openmws.protocol.marketplace;
