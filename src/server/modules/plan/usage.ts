/** The plan commands' usage text, apart from their code so that `help` loads nothing else. */
export const PLAN_USAGE = `  export plan --network SLUG --out FILE.json [--plan ID]
                                write the network's plans (or one) as JSON
  import plan --network SLUG FILE.json
                                add the plans of an export to a network (new ids)`;
