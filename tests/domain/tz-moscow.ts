// Imported first by tests that format or compute local times, so that modules creating Intl
// formatters at load time see the same zone on every machine. Moscow has had no DST since 2014.
process.env.TZ = 'Europe/Moscow';
