import type { TodaysExercise } from '../rehabilitation';
import type { BotLanguage } from './repositories/chatbot';

/**
 * What the bot says about sessions at home. Like every bot text, it never names a condition or
 * repeats a value the patient sent: instructions, exercises and questions only.
 */
const ru = {
  noPlan: 'Программы занятий дома у вас пока нет: её составляет врач.',
  planEnded: 'Ваша программа занятий завершена.',
  notStarted: 'Ваша программа занятий начнётся позже.',
  today: 'Занятие на сегодня:',
  instructionsInApp: 'Как выполнять каждое упражнение — в приложении клиники.',
  dosage: (e: TodaysExercise) => (e.minutes !== null ? `${e.minutes} мин` : `${e.sets} × ${e.reps ?? 1}`),
  begin: 'Начать занятие',
  askPressure: 'Перед занятием посидите 5 минут и измерьте давление. Напишите его, например: 130/80',
  badPressure: 'Напишите давление как на тонометре, например: 130/80',
  pressureImpossible: 'Верхнее давление должно быть больше нижнего. Проверьте и напишите ещё раз.',
  askPulse: 'Пульс в покое, ударов в минуту? Напишите число.',
  askSpo2: 'Сатурация по пульсоксиметру (SpO2), %? Напишите число.',
  impossible: 'Такого значения не бывает. Проверьте прибор и напишите ещё раз.',
  notMeasured: 'Не могу измерить',
  askSymptoms: 'Есть ли у вас сейчас что-то из этого?',
  noneOfThese: 'Ничего из этого',
  go: 'Можно начинать. Делайте упражнения по списку в своём темпе: нагрузка «немного тяжело», говорить можно. Если станет плохо, нажмите «Мне плохо».',
  underWay: 'Занятие уже идёт.',
  done: 'Занятие выполнено',
  unwell: 'Мне плохо',
  whatIsWrong: 'Что вы чувствуете?',
  allRight: 'Всё в порядке',
  askEffort:
    'Насколько тяжело было? Шкала Борга от 6 до 20: 7 — очень легко, 11 — легко, 13 — немного тяжело, 15 — тяжело, 17 — очень тяжело, 20 — предел. Напишите число.',
  badEffort: 'Напишите число от 6 до 20.',
  askPain: 'Боль во время занятия: от 0 (нет) до 10 (нестерпимая)?',
  recorded: 'Занятие записано. Следующее — по вашему плану: /rehab',
  noSession: 'Занятие сейчас не идёт. Начать: /rehab',
};

const en: typeof ru = {
  noPlan: 'You have no exercise programme yet: your clinician makes it.',
  planEnded: 'Your exercise programme has ended.',
  notStarted: 'Your exercise programme starts later.',
  today: "Today's session:",
  instructionsInApp: "How to do each exercise is in the clinic's app.",
  dosage: (e: TodaysExercise) => (e.minutes !== null ? `${e.minutes} min` : `${e.sets} × ${e.reps ?? 1}`),
  begin: 'Start the session',
  askPressure: 'Before the session sit for 5 minutes and measure your blood pressure. Write it, e.g. 130/80',
  badPressure: 'Write the pressure as the monitor shows it, e.g. 130/80',
  pressureImpossible: 'The upper number must be above the lower one. Check and write it again.',
  askPulse: 'Your pulse at rest, beats a minute? Write a number.',
  askSpo2: 'Oxygen saturation on the pulse oximeter (SpO2), %? Write a number.',
  impossible: 'That value is not possible. Check the device and write it again.',
  notMeasured: 'Cannot measure',
  askSymptoms: 'Do you have any of these now?',
  noneOfThese: 'None of these',
  go: 'You may start. Do the exercises on the list at your own pace: "somewhat hard", still able to talk. If you feel unwell, tap "I feel unwell".',
  underWay: 'A session is under way.',
  done: 'Session done',
  unwell: 'I feel unwell',
  whatIsWrong: 'What do you feel?',
  allRight: 'I am all right',
  askEffort:
    'How hard was it? Borg scale 6 to 20: 7 very light, 11 light, 13 somewhat hard, 15 hard, 17 very hard, 20 maximal. Write a number.',
  badEffort: 'Write a number from 6 to 20.',
  askPain: 'Pain during the session: from 0 (none) to 10 (unbearable)?',
  recorded: 'Session recorded. The next one as your plan says: /rehab',
  noSession: 'No session is under way. To start: /rehab',
};

export const rehabTexts: Record<BotLanguage, typeof ru> = { ru, en };
