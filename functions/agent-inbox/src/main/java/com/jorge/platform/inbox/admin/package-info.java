/** What only an admin of a location may do from the inbox's API: a contact's GDPR export and erasure. */
package com.jorge.platform.inbox.admin;
