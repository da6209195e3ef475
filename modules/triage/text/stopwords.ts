/**
 * Words that carry no symptom: pronouns, prepositions, auxiliaries, and the frame of a
 * case description («пациент 45 лет», «a 30-year-old woman presents with»). The reader
 * counts the other words it could not place, so text it does not understand is never
 * mistaken for a minor complaint.
 */
export const stopwords = new Set(
  `
я у меня мне мой моя мое мои меня мной ты вы вас вам ваш он она оно они его ее их им ей ему нас наш
и или а но да же ли бы что как так это этот эта эти то тот та те там тут здесь где когда уже еще ещё
в во на с со к ко по о об от до из за под над при для про через после перед между около без
очень сильно слегка немного чуть весь вся все всё всего всегда иногда часто редко снова опять тоже также
был была было были есть будет быть стал стала стало стали является
сейчас теперь сегодня вчера утром вечером ночью днем утра назад последние последних течение
появилась появился появилось появились началась начался началось начались беспокоит беспокоят
жалуется жалобы жалоб жалобу отмечает отмечаю чувствую ощущаю испытываю бывает возникает возникла
пациент пациентка больной больная женщина мужчина ребенок ребенка ребенку сын сына дочь дочери
мальчик девочка малыш малыша лет год года месяцев месяца недель дней дня день часов часа минут
место хорошо нормально первый второй третий вчерашнего позавчера сутки суток неделю
пью пьет воду воды ем ест держится
мама папа муж жена бабушка дедушка обратился обратилась
месяц неделя недели неделе час часа часов минуты минуту секунды полгода году годом
i me my mine we our you your he she it they them his her its their
a an the and or but if of in on at to from for with by as into onto about over under after before since
is are was were be been being am has have had having do does did will would can could should may might
this that these those there here then than so very really quite just also still again too
not no yes some any all both each more most much many few several
day days week weeks month months year years hour hours minute minutes ago old aged
patient presents presenting presented reports reported complains complaining history
man woman boy girl child son daughter baby infant mother father husband wife
started start began begin since feel feels feeling felt having got get gets noticed
yesterday today tonight overnight morning evening night drinking water fluids eating
`
    .split(/\s+/)
    .filter(Boolean),
);
