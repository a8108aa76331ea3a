/** True in the LMS build (`LMS_BUILD=1`, see astro.config.mjs); the plain build's pages fold it to false. */
declare const __LMS_BUILD__: boolean;
