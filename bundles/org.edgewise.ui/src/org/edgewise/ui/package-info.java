/**
 * The Edgewise workbench: application, window and menus. Views only show data and start jobs; the work
 * itself lives in the headless bundles.
 */
package org.edgewise.ui;
