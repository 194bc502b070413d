/**
 * The bulk verbs, {@code openmws orders sync}, {@code openmws feeds submit} and {@code openmws reports get}, and
 * what they share: the sellers to work for ({@link io.openmws.cli.bulk.SellerOptions}), one task per seller run
 * concurrently with each seller's outcome kept ({@link io.openmws.cli.bulk.SellerRun}), the progress display on
 * standard error ({@link io.openmws.cli.bulk.Progress}) and the exit code of a run that worked for some sellers
 * only.
 */
package io.openmws.cli.bulk;
