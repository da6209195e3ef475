import { defineRepositories } from '../../platform/store';
import { ChatbotRepository } from './repositories/chatbot';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../booking';
import '../coverage';
import '../notifications';
import '../triage';

declare module '../../platform/store' {
  interface Repositories {
    chatbot: ChatbotRepository;
  }
}

/** Chatbot's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  chatbot: ({ tables, cipher, now }) => new ChatbotRepository(tables, cipher, now),
});
