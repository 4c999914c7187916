/**
 * The eight Gatsby Benchmarks (as updated in 2025) and the school-level criteria that setting up
 * a tracker puts in the Audit tab. The criteria are written in this project's own words from the
 * public summaries in reference/domain.md; schools edit, delete and add their own.
 */
export const BENCHMARK_NAMES: Record<number, string> = {
  1: 'A stable careers programme',
  2: 'Learning from career and labour market information',
  3: 'Addressing the needs of each young person',
  4: 'Linking curriculum learning to careers',
  5: 'Encounters with employers and employees',
  6: 'Experiences of workplaces',
  7: 'Encounters with further and higher education',
  8: 'Personal guidance',
};

/** National average of benchmarks achieved by schools in 2024/25 (reference/domain.md). */
export const NATIONAL_AVERAGE_ACHIEVED = 5.96;

export const DEFAULT_AUDIT_CRITERIA: Record<number, string[]> = {
  1: [
    'Our careers programme is written down and has the backing of governors, the headteacher and senior leaders',
    'A trained careers leader is in post and named on the school website',
    'The programme is published on the website in a form pupils, parents and carers, staff and employers can understand',
    'The programme is sequenced year by year, has learning outcomes and links to the school development plan',
    'We evaluate the programme every year using feedback from pupils, parents and carers, staff, careers advisers and employers',
    'Our provider access policy statement is published on the website',
  ],
  2: [
    'In every key stage, every pupil uses up-to-date information about careers, pathways and the local labour market',
    'Parents and carers are encouraged and helped to use careers and labour market information',
    'Pupils with SEND and their families get information in a form that suits their needs',
  ],
  3: [
    'We keep a record of the advice given to each pupil and the decisions agreed, and pupils can see it',
    'Support is tailored for disadvantaged pupils, pupils with SEND, looked-after children and pupils who are often absent',
    'The programme challenges stereotypes and shows a wide range of role models',
    'We collect destination data for leavers for at least three years and use it, and alumni, to improve the programme',
  ],
  4: [
    'Every subject, every year, shows pupils how its knowledge and skills lead to a range of careers',
    'Careers is part of the development programme for teachers and support staff',
    'Subject leaders plan careers links into their schemes of work',
  ],
  5: [
    'Every pupil has at least one meaningful encounter with an employer each year from Year 7',
    'Encounters involve two-way interaction, have clear learning outcomes and time to reflect afterwards',
    'Pupils meet a range of employers, including small businesses and the self-employed, and learn how recruitment works',
  ],
  6: [
    'By 16, every pupil has had meaningful experiences of workplaces (visits, shadowing or work experience)',
    'By 18, every pupil has had at least one further meaningful experience of a workplace',
    'Workplace experiences include a task set by the employer, feedback from the employer and time to reflect',
  ],
  7: [
    'By 16, every pupil has had meaningful encounters with sixth forms, colleges, universities and independent training providers',
    'Providers of technical education and apprenticeships have access to pupils in Years 8 to 13 as the law requires',
    'By 18, pupils considering higher education have had at least two visits to universities or other HE providers',
  ],
  8: [
    'Every pupil has a personal guidance meeting with a qualified careers adviser (Level 6) by 16, and a further one by 18',
    'The careers leader, careers adviser and SENCO work together to plan personal guidance',
    'Pupils, parents and carers know how to get personal guidance, including through the website',
  ],
};
