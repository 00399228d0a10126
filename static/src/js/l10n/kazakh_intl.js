/** @odoo-module **/
/**
 * Kazakh month and weekday names for browsers whose ICU data has no Kazakh
 * dates (Debian's Chromium formats `kk` dates with English names, "Tue"):
 * the date picker, the calendar and every luxon date format read them from
 * Intl.DateTimeFormat, which is completed here for `kk` locales only and only
 * when the browser lacks them. Names follow Kazakhstan's official usage (CLDR kk).
 */

const KAZAKH = {
    month: {
        long: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
            "қыркүйек", "қазан", "қараша", "желтоқсан"],
        short: ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.",
            "қар.", "жел."],
        narrow: ["Қ", "А", "Н", "С", "М", "М", "Ш", "Т", "Қ", "Қ", "Қ", "Ж"],
    },
    // Monday first
    weekday: {
        long: ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"],
        short: ["дс", "сс", "ср", "бс", "жм", "сб", "жс"],
        narrow: ["Д", "С", "С", "Б", "Ж", "С", "Ж"],
    },
};

const NativeDateTimeFormat = Intl.DateTimeFormat;

function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function browserLacksKazakh() {
    try {
        const december = new NativeDateTimeFormat("kk", { month: "long", timeZone: "UTC" });
        return !/желтоқсан/i.test(december.format(Date.UTC(2024, 11, 15, 12)));
    } catch {
        return false;
    }
}

/** The browser's names of this format mapped to their index (month 0-11, weekday Monday 0). */
function nameIndex(dtf, type, style) {
    const index = new Map();
    if (!["long", "short", "narrow"].includes(style)) {
        return index;
    }
    for (let i = 0; i < (type === "month" ? 12 : 7); i++) {
        const date = type === "month" ? Date.UTC(2024, i, 15, 12) : Date.UTC(2024, 0, 1 + i, 12);
        for (const part of dtf.formatToParts(date)) {
            if (part.type === type && !index.has(part.value)) {
                index.set(part.value, i);
            }
        }
    }
    return index;
}

function kazakhFormat(dtf, options) {
    const months = nameIndex(dtf, "month", options.month);
    const weekdays = nameIndex(dtf, "weekday", options.weekday);
    const standalone = !options.day;
    const formatToParts = (date) =>
        dtf.formatToParts(date).map((part) => {
            if (part.type === "month" && months.has(part.value)) {
                const name = KAZAKH.month[options.month][months.get(part.value)];
                return { type: "month", value: standalone ? capitalize(name) : name };
            }
            if (part.type === "weekday" && weekdays.has(part.value)) {
                const name = KAZAKH.weekday[options.weekday][weekdays.get(part.value)];
                return { type: "weekday", value: capitalize(name) };
            }
            return part;
        });
    const kazakh = Object.create(NativeDateTimeFormat.prototype);
    Object.defineProperties(kazakh, {
        format: { value: (date) => formatToParts(date).map((part) => part.value).join("") },
        formatToParts: { value: formatToParts },
        resolvedOptions: { value: () => dtf.resolvedOptions() },
        formatRange: { value: (start, end) => dtf.formatRange(start, end) },
        formatRangeToParts: { value: (start, end) => dtf.formatRangeToParts(start, end) },
    });
    return kazakh;
}

if (browserLacksKazakh()) {
    const DateTimeFormat = function DateTimeFormat(locales, options) {
        const dtf = new NativeDateTimeFormat(locales, options);
        if (!/^kk\b/.test(dtf.resolvedOptions().locale)) {
            return dtf;
        }
        return kazakhFormat(dtf, options || {});
    };
    DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
    DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
    Intl.DateTimeFormat = DateTimeFormat;
}
