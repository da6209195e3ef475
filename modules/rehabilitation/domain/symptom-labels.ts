import type { Symptom } from './safety';

/** How a patient reads each symptom they may report, in plain words. */
export const symptomLabels: Record<Symptom, { ru: string; en: string }> = {
  chest_pain: { ru: 'Боль в груди', en: 'Chest pain' },
  chest_pressure: { ru: 'Давление или сжатие в груди', en: 'Pressure or tightness in the chest' },
  severe_breathlessness: { ru: 'Сильная одышка, не хватает воздуха', en: 'Severe breathlessness' },
  syncope: { ru: 'Обморок или почти обморок', en: 'Fainting or nearly fainting' },
  one_sided_weakness: { ru: 'Слабость в руке или ноге с одной стороны', en: 'Weakness on one side' },
  speech_difficulty: { ru: 'Трудно говорить', en: 'Difficulty speaking' },
  face_droop: { ru: 'Перекосило лицо', en: 'Face drooping' },
  calf_pain: { ru: 'Боль в икре', en: 'Calf pain' },
  leg_swelling_one_side: { ru: 'Отёк одной ноги', en: 'One leg swollen' },
  palpitations: { ru: 'Сердцебиение, перебои', en: 'Palpitations' },
  saddle_numbness: { ru: 'Онемение в промежности', en: 'Numbness between the legs' },
  urinary_retention: { ru: 'Не получается помочиться', en: 'Cannot pass urine' },
  bowel_incontinence: { ru: 'Не удерживаю стул', en: 'Loss of bowel control' },
  bilateral_leg_weakness: { ru: 'Слабость в обеих ногах', en: 'Weakness in both legs' },
  dizziness: { ru: 'Головокружение', en: 'Dizziness' },
  shortness_of_breath: { ru: 'Одышка сильнее обычного', en: 'More breathless than usual' },
  nausea: { ru: 'Тошнота', en: 'Nausea' },
  fever: { ru: 'Температура', en: 'Fever' },
  joint_swelling: { ru: 'Сустав опух', en: 'Swollen joint' },
};
