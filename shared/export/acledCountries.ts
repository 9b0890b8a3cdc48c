import { countryCode } from './codes';

/**
 * ACLED's `iso` (the ISO 3166-1 numeric code) and `region` for every country and
 * territory, keyed by ISO 3166-1 alpha-2. The regions are ACLED's seventeen (the
 * `region` column of its data and `acledR::acled_regions`): UN M49 sub-regions under
 * ACLED's names, with ACLED's own groupings where they differ from the UN's — Mexico in
 * Central America; Sudan in Northern Africa; Malawi, Mozambique, Zambia and Zimbabwe in
 * Southern Africa; Iran and Turkey in the Middle East; the Caucasus with Central Asia;
 * Cyprus and Russia in Europe. Kosovo has no ISO numeric code (ACLED writes 0 there).
 */
export const ACLED_REGIONS = [
  'Western Africa', 'Middle Africa', 'Eastern Africa', 'Southern Africa', 'Northern Africa', 'South Asia', 'Southeast Asia',
  'Middle East', 'Europe', 'Caucasus and Central Asia', 'Central America', 'South America', 'Caribbean', 'East Asia',
  'North America', 'Oceania', 'Antarctica',
] as const;
export type AcledRegion = (typeof ACLED_REGIONS)[number];

// "alpha-2 numeric" pairs per region; kept as text so the table reads like the list it is.
const TABLE: Record<AcledRegion, string> = {
  'Western Africa': 'BJ 204 BF 854 CV 132 CI 384 GM 270 GH 288 GN 324 GW 624 LR 430 ML 466 MR 478 NE 562 NG 566 SH 654 SN 686 SL 694 TG 768',
  'Middle Africa': 'AO 024 CM 120 CF 140 TD 148 CG 178 CD 180 GQ 226 GA 266 ST 678',
  'Eastern Africa': 'BI 108 KM 174 DJ 262 ER 232 ET 231 KE 404 MG 450 MU 480 YT 175 RE 638 RW 646 SC 690 SO 706 SS 728 TZ 834 UG 800 IO 086 TF 260',
  'Southern Africa': 'BW 072 SZ 748 LS 426 MW 454 MZ 508 NA 516 ZA 710 ZM 894 ZW 716',
  'Northern Africa': 'DZ 012 EG 818 LY 434 MA 504 SD 729 TN 788 EH 732',
  'South Asia': 'AF 004 BD 050 BT 064 IN 356 MV 462 NP 524 PK 586 LK 144',
  'Southeast Asia': 'BN 096 KH 116 ID 360 LA 418 MY 458 MM 104 PH 608 SG 702 TH 764 TL 626 VN 704',
  'Middle East': 'BH 048 IR 364 IQ 368 IL 376 JO 400 KW 414 LB 422 OM 512 PS 275 QA 634 SA 682 SY 760 TR 792 AE 784 YE 887',
  Europe: 'AX 248 AL 008 AD 020 AT 040 BY 112 BE 056 BA 070 BG 100 HR 191 CY 196 CZ 203 DK 208 EE 233 FO 234 FI 246 FR 250 ' +
    'DE 276 GI 292 GR 300 GG 831 HU 348 IS 352 IE 372 IM 833 IT 380 JE 832 XK 0 LV 428 LI 438 LT 440 LU 442 MT 470 MD 498 ' +
    'MC 492 ME 499 NL 528 MK 807 NO 578 PL 616 PT 620 RO 642 RU 643 SM 674 RS 688 SK 703 SI 705 ES 724 SJ 744 SE 752 CH 756 ' +
    'UA 804 GB 826 VA 336',
  'Caucasus and Central Asia': 'AM 051 AZ 031 GE 268 KZ 398 KG 417 TJ 762 TM 795 UZ 860',
  'Central America': 'BZ 084 CR 188 SV 222 GT 320 HN 340 MX 484 NI 558 PA 591',
  'South America': 'AR 032 BO 068 BR 076 CL 152 CO 170 EC 218 FK 238 GF 254 GY 328 PY 600 PE 604 SR 740 UY 858 VE 862 GS 239',
  Caribbean: 'AI 660 AG 028 AW 533 BS 044 BB 052 BQ 535 VG 092 KY 136 CU 192 CW 531 DM 212 DO 214 GD 308 GP 312 HT 332 ' +
    'JM 388 MQ 474 MS 500 PR 630 BL 652 KN 659 LC 662 MF 663 VC 670 SX 534 TT 780 TC 796 VI 850',
  'East Asia': 'CN 156 HK 344 MO 446 JP 392 MN 496 KP 408 KR 410 TW 158',
  'North America': 'BM 060 CA 124 GL 304 PM 666 US 840',
  Oceania: 'AS 016 AU 036 CK 184 FJ 242 PF 258 GU 316 KI 296 MH 584 FM 583 NR 520 NC 540 NZ 554 NU 570 NF 574 MP 580 PW 585 ' +
    'PG 598 PN 612 WS 882 SB 090 TK 772 TO 776 TV 798 UM 581 VU 548 WF 876 CX 162 CC 166 HM 334',
  Antarctica: 'AQ 010 BV 074',
};

export interface AcledCountry {
  /** ISO 3166-1 alpha-2, upper case. */
  alpha2: string;
  /** ISO 3166-1 numeric; null for Kosovo, which has none. */
  iso: number | null;
  region: AcledRegion;
}

let byAlpha2: Map<string, AcledCountry> | null = null;

/** Every country in the table, by alpha-2 (upper case). */
export function acledCountryTable(): ReadonlyMap<string, AcledCountry> {
  if (byAlpha2) return byAlpha2;
  const table = new Map<string, AcledCountry>();
  for (const region of ACLED_REGIONS) {
    const parts = TABLE[region].split(/\s+/);
    for (let i = 0; i < parts.length; i += 2) {
      const alpha2 = parts[i]!;
      const numeric = Number(parts[i + 1]);
      table.set(alpha2, { alpha2, iso: numeric > 0 ? numeric : null, region });
    }
  }
  byAlpha2 = table;
  return table;
}

/** ACLED's iso and region for a country as the user typed it ("Peru", "Perú", "PE"); null when it is not a country. */
export function acledCountry(country: string): AcledCountry | null {
  const code = countryCode(country);
  return code ? acledCountryTable().get(code.toUpperCase()) ?? null : null;
}
