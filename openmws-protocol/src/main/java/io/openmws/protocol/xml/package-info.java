/**
 * XML for the MWS wire: the one streaming writer for every response document
 * ({@link io.openmws.protocol.xml.MwsXmlWriter}) and the hardened reader factory everyone in the
 * project parses XML with ({@link io.openmws.protocol.xml.SafeXml}).
 *
 * <p>Both use the JDK's built-in StAX implementation explicitly ({@code newDefaultFactory()}), never
 * whatever {@code newInstance()} finds on the class path (for example Woodstox arriving with Jackson
 * XML), so the bytes written and the security settings applied do not change with the class path.
 */
package io.openmws.protocol.xml;
