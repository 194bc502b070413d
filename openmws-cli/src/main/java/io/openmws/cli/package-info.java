/** The {@code openmws} command. */
package io.openmws.cli;
