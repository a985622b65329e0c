/**
 * Built-in fixtures for the bundled tools and conversation suites. Like the other defaults they give each suite
 * a realistic mix: most calls are right, a few go wrong the way models do (the default unit instead of the one
 * asked for, a forecast made up without calling the tool, a date in the wrong format, an extra call, one city of
 * two, a support answer that forgets the step the user asked about).
 */
import type { MockFixture } from './types.js';

const WEATHER = 'get_weather';

/** Fixtures of suites/tools.yaml. */
export const toolFixtures: MockFixture[] = [
  { match: String.raw`weather in Paris tomorrow`, model: 'gpt-4o-mini', answer: 'Tomorrow in Paris: sunny spells and 18°C, no umbrella needed.' },
  {
    match: String.raw`weather tomorrow in (?<city>[A-Z][a-z]+), in fahrenheit`,
    model: 'gpt-4o-mini',
    toolCalls: [{ name: WEATHER, arguments: { city: '${city}', unit: 'celsius' } }],
  },
  {
    match: String.raw`weather tomorrow in (?<city>[A-Z][a-z]+), in fahrenheit`,
    toolCalls: [{ name: WEATHER, arguments: { city: '${city}', unit: 'fahrenheit' } }],
    answer: 'Tomorrow in ${city}: light rain, a high of 57°F.',
  },
  {
    match: String.raw`umbrella for (?<first>[A-Z][a-z]+) or for (?<second>[A-Z][a-z]+)`,
    model: 'gpt-4.1-mini',
    toolCalls: [{ name: WEATHER, arguments: { city: '${first}', unit: 'celsius' } }],
  },
  {
    match: String.raw`umbrella for (?<first>[A-Z][a-z]+) or for (?<second>[A-Z][a-z]+)`,
    toolCalls: [
      { name: WEATHER, arguments: { city: '${first}', unit: 'celsius' } },
      { name: WEATHER, arguments: { city: '${second}', unit: 'celsius' } },
    ],
    answer: 'Light rain is forecast, so pack an umbrella either way.',
  },
  {
    match: String.raw`Book a dentist appointment`,
    model: 'gpt-4.1-mini',
    toolCalls: [{ name: 'create_event', arguments: { title: 'Dentist appointment', date: '03/02/2026', time: '9:30' } }],
    answer: 'I could not book it: the calendar rejected the date.',
  },
  {
    match: String.raw`Book a dentist appointment`,
    model: 'gpt-4o-mini',
    toolCalls: [
      { name: 'list_events', arguments: { date: '2026-03-02' } },
      { name: 'create_event', arguments: { title: 'Dentist appointment', date: '2026-03-02', time: '09:30' } },
    ],
  },
  {
    match: String.raw`Book a dentist appointment`,
    toolCalls: [{ name: 'create_event', arguments: { title: 'Dentist appointment', date: '2026-03-02', time: '09:30' } }],
    answer: 'Done: your dentist appointment is booked for March 2, 2026 at 09:30.',
  },
  { match: String.raw`sunglasses in Madrid`, model: 'gpt-4o-mini', answer: 'Yes, Madrid is almost always sunny; bring sunglasses.' },
  {
    match: String.raw`(?:cold|sunglasses) in (?<city>[A-Z][a-z]+)`,
    toolCalls: [{ name: WEATHER, arguments: { city: '${city}', unit: 'celsius' } }],
  },
  {
    match: String.raw`on my calendar for (?<date>\d{4}-\d{2}-\d{2})`,
    toolCalls: [{ name: 'list_events', arguments: { date: '${date}' } }],
  },
];

/** Fixtures of suites/conversation.yaml: one per user turn; gpt-4o-mini forgets the channel in its summary. */
export const conversationFixtures: MockFixture[] = [
  {
    match: String.raw`I'm (?<name>[A-Z][a-z]+)\. My LX-200 drops the Wi-Fi`,
    model: 'gpt-4o-mini',
    answer: 'Sorry about the evening drops! First, update the LX-200 firmware from the Lumen app, then restart it.',
  },
  {
    match: String.raw`I'm (?<name>[A-Z][a-z]+)\. My LX-200 drops the Wi-Fi`,
    answer: 'Thanks, ${name}. Evening drops are often fixed by the latest firmware: update it from the Lumen app and restart.',
  },
  {
    match: String.raw`already updated the firmware`,
    answer: 'Then switch the 2.4 GHz channel to 1, 6 or 11 in Settings > Wireless: neighbours crowd the channel in the evening.',
  },
  {
    match: String.raw`sum up the steps in one sentence`,
    model: 'gpt-4o-mini',
    answer: 'Update the firmware and restart the router.',
  },
  {
    match: String.raw`sum up the steps in one sentence`,
    answer: 'Keep the firmware up to date and move the 2.4 GHz channel to 1, 6 or 11.',
  },
  {
    match: String.raw`arrived broken\. Order (?<order>LX-\d+)`,
    answer: "I'm sorry! I've opened a replacement request for order ${order}; a courier will collect the broken unit.",
  },
  {
    match: String.raw`refund instead of a replacement`,
    model: 'gpt-4o-mini',
    answer: 'Yes, I can switch that to a return instead.',
  },
  { match: String.raw`refund instead of a replacement`, answer: 'Of course: I have changed it to a refund.' },
  { match: String.raw`how long will the refund take`, model: 'gpt-4o', answer: 'Refunds reach your card within 5 business days of the pickup.' },
  { match: String.raw`how long will the refund take`, answer: 'It usually takes about a week.' },
];

/** The image turn of suites/conversation.yaml: the mock cannot see pixels, so the question decides the answer. */
export const imageFixtures: MockFixture[] = [
  {
    match: String.raw`photo of my LX-200's lights`,
    answer: 'A red third light means the router has no internet connection from your provider; the two green ones are power and Wi-Fi.',
  },
  { match: String.raw`Restarting did not help\. Who should I call`, model: 'gpt-4o', answer: 'Call your internet provider: the line itself is down.' },
  { match: String.raw`Restarting did not help\. Who should I call`, answer: 'Please contact Lumen support at support.lumen.example.' },
];
